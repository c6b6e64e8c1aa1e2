! BROKEN (red team 19 B5): an spllower that "makes sure" the kernel stays
! in supervisor mode with traps enabled by OR-ing PSR_S|PSR_PS|PSR_ET into
! the PSR it writes.  PSR.PS is the mode the current trap came from: the
! trap sets PS := S (SPARC V8 manual §7.5) and RETT sets S := PS (B.26).
! Called from kernel code a trap from user mode entered (a system call, a
! page fault: PS = 0, as archs/sparc.yaml interrupt.state_changes says),
! it sets PS := 1, and a RETT from that state returns to the user process
! in supervisor mode.  NetBSD sparc psl.h 1.12 SPL/splx change PIL alone.
! Every call of `check' used to start with PS = 1 (cpu.reset): the
! abi.call_states start "PS 0" (archs/sparc.yaml) fails preserves.
!
! rt_spllower_keep_ok: the twin: the PSR read, PIL replaced, nothing added.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_S, 0x80
	.equ	PSR_PS, 0x40
	.equ	PSR_ET, 0x20
	.text
	.globl	rt_spllower_ps
rt_spllower_ps:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	andn	%o1, PSR_PIL, %o1
	or	%o1, PSR_S | PSR_PS | PSR_ET, %o1	! BUG: PS := 1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
	retl
	 mov	%o2, %o0

	.globl	rt_spllower_keep_ok
rt_spllower_keep_ok:
	rd	%psr, %o2
	andn	%o2, PSR_PIL, %o1		! S, PS, ET, CWP as the caller has them
	and	%o0, PSR_PIL, %o0
	or	%o1, %o0, %o1
	wr	%o1, 0, %psr
	nop
	nop
	nop
	retl
	 and	%o2, PSR_PIL, %o0
