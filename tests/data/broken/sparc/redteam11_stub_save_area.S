! Red team 11 (held before Poisoner.spill_windows poisoned the window save
! areas at every C function entry): a disk stub with the 96-byte minimum
! frame keeps %g1-%g5 above it, at [%fp + 32 .. 52]: the interrupted
! window's 16-word register save area (that window's %sp is the trap
! window's %fp, V8 §4.1, §7.5), which a window overflow trap inside a deep
! enough C handler fills with the interrupted window's %i0-%i4.  The stub
! then gives them to the interrupted code as its globals.  Twin:
! redteam11_stub_frame_ok.S.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_ET, 0x20
	.equ	FRAME, 96		! WRONG: the minimum frame, none of it the stub's
	.equ	KEEP, 32		! from %fp: where %g1-%g5 go

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
