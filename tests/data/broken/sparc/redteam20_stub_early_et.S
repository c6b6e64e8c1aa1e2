! BROKEN (red team 19 B, again red team 20 B): interrupt stubs that enable traps first, at the
! interrupted PIL, and raise PIL to the source's level in a second write
! ("traps on as early as possible").  SPARC interrupt requests are levels
! on the IRL lines, held by the device until software clears it (SPARC V8
! §7.3 interrupts: the processor takes interrupt trap 0x10 + IRL whenever
! ET = 1 and IRL > PIL, or IRL = 15); the handler has not run, so the
! request that trapped is still there, above the interrupted PIL: the CPU
! takes it again as soon as the first write lands, and again from that
! stub, until the windows and the stack run out.  NetBSD's sparc locore
! raises PIL and sets ET in one `wr' (as kernel_snippets/sparc/intr.S).
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_ET, 0x20
	.equ	FRAME, 120

	.macro STUB name, bit, level, spl, vector
	.text
	.globl	Xintr_\name
Xintr_\name:
	rd	%psr, %l0
	sub	%fp, FRAME, %sp
	rd	%y, %l4
	st	%g1, [%sp + 96]
	st	%g2, [%sp + 100]
	st	%g3, [%sp + 104]
	st	%g4, [%sp + 108]
	st	%g5, [%sp + 112]
	wr	%l0, PSR_ET, %psr	! BUG: ET := 1 at the interrupted PIL
	nop
	nop
	nop
	andn	%l0, PSR_PIL, %l3
	or	%l3, (\level << 8) | PSR_ET, %l3
	wr	%l3, 0, %psr		! PIL := level (ET stays 1)
	nop
	nop
	nop
	call	handler_\name
	 nop
	ld	[%sp + 96], %g1
	ld	[%sp + 100], %g2
	ld	[%sp + 104], %g3
	ld	[%sp + 108], %g4
	ld	[%sp + 112], %g5
	wr	%l4, 0, %y
	wr	%l0, 0, %psr
	nop
	nop
	nop
	jmp	%l1
	 rett	%l2
	.endm

	IPLEMU_SOURCES STUB
