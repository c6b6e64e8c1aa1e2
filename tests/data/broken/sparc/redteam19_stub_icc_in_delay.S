! red team 19 B1 (engine): check shared case outcomes across write
! latencies, though a run can read what a delayed write still holds back.
! BUG: this clock stub writes the PSR with Z set (PIL := level, ET := 1)
! and branches on Z in the write's delay (V8 B.29: the icc a WRPSR writes
! may land only three instructions later; the model gives the old icc
! until the write lands at the latency explored).  At latency 0 it sees
! Z = 1 and keeps the interrupted PSR; at latencies 1-3 it sees the
! icc before it (Z = 0) and restores PIL 15 instead: the clock's
! interrupt returns at IPL_HIGH.  From IPL_NONE to IPL_NONE the routine's
! own write changes no PIL, so every case is taken at the same boundary at
! every latency: sharing latency 0's outcomes hid the other latencies'.
! (Since red team 21 the clock's request stays asserted until its handler
! starts: at latencies 1-3 the one wr lets it in again at the old PIL
! first, and the nested interrupt is the one that returns at PIL 15.)
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_ET, 0x20
	.equ	PSR_Z, 0x400000
	.equ	FRAME, 120
	.text
	.globl	Xintr_clock
Xintr_clock:
	rd	%psr, %l0		! the interrupted PSR (icc, PIL; ET=0 now)
	sub	%fp, FRAME, %sp
	rd	%y, %l4
	st	%g1, [%sp + 96]
	st	%g2, [%sp + 100]
	st	%g3, [%sp + 104]
	st	%g4, [%sp + 108]
	st	%g5, [%sp + 112]
	andn	%l0, PSR_PIL, %l3
	or	%l3, (SRC_CLOCK_LEVEL << 8), %l3
	set	PSR_Z, %l5
	or	%l3, %l5, %l3		! Z set in the value written
	subcc	%g0, 1, %g0		! Z clear before the write (icc defined)
	wr	%l3, PSR_ET, %psr	! PIL := level, ET := 1, Z := 1
	be	1f			! WRONG: Z read within the write's delay
	 nop
	or	%l0, PSR_PIL, %l0	! "Z clear": restore PIL 15
1:	nop
	nop
	call	handler_clock
	 nop
	ld	[%sp + 96], %g1
	ld	[%sp + 100], %g2
	ld	[%sp + 104], %g3
	ld	[%sp + 108], %g4
	ld	[%sp + 112], %g5
	wr	%l4, 0, %y
	wr	%l0, 0, %psr		! the PSR saved at entry back, ET=0
	nop
	nop
	nop
	jmp	%l1
	 rett	%l2
