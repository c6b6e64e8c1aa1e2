! Red team 11's twin (correct): the disk stub of redteam11_stub_save_area.S
! with a frame 24 bytes larger than the 96-byte minimum, keeping %g1-%g5
! in those 24 bytes at its top, [%fp - 24 .. -4] (= [%sp + 96 .. 116]): the
! stub's own frame beyond its 16-word register save area and the callee's
! argument words, which no window overflow and no callee writes.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_ET, 0x20
	.equ	FRAME, 120		! the minimum frame and 24 bytes of its own
	.equ	KEEP, -24		! from %fp: where %g1-%g5 go

	.macro DISKSTUB name, bit, level, spl, vector
	.ifc \name,disk
	.text
	.globl	Xintr_\name
Xintr_\name:
	rd	%psr, %l0		! the interrupted PSR (icc, PIL; ET = 0 now)
	add	%fp, -FRAME, %sp	! the handler's frame below the interrupted stack
	rd	%y, %l4
	std	%g2, [%fp + KEEP]	! %g2 and %g3 as a pair (8-aligned)
	std	%g4, [%fp + KEEP + 8]	! %g4 and %g5
	st	%g1, [%fp + KEEP + 16]
	andn	%l0, PSR_PIL, %l3
	or	%l3, (\level << 8), %l3
	wr	%l3, 0, %psr		! PIL := level, ET still 0, then ET := 1 in a
	wr	%l3, PSR_ET, %psr	! second wr: one wr of both lets the disk's still
					! asserted request in at the old PIL (B.29)
	nop
	nop
	nop
	call	handler_\name
	 nop
	ld	[%fp + KEEP + 16], %g1
	ldd	[%fp + KEEP + 8], %g4
	ldd	[%fp + KEEP], %g2
	wr	%l4, 0, %y
	wr	%l0, 0, %psr		! the interrupted PIL and icc back, ET = 0
	nop
	nop
	nop
	jmp	%l1
	 rett	%l2
	.endif
	.endm
	IPLEMU_SOURCES DISKSTUB
