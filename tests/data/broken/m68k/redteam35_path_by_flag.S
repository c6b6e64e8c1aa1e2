| Red team 35 F6: a routine whose path depends on a condition code it
| finds at the call, which the ABI leaves undefined (abi.scratch sr:0x1f),
| though both paths end alike.  No caller can tell them apart; an
| interrupt can.  The CORRECT one branches over a write of a scratch
| register it never reads: it failed defined_only (the call's length
| differed), and holds now that the other path is explored instead.  The
| BROKEN ones open a window at level 0 on one of the two paths (one per
| value of C, so that whichever the first poison holds, the other is the
| second world's) and return the SR at entry on both: each fails
| no_window, on its own path.  All three reach their level through the
| port's splx (soft interrupts at level 0).
	.include "port.inc"
	.text
	.globl	rt_lower_flag_path_ok
rt_lower_flag_path_ok:
	bcc.s	1f			| C: whatever the caller's code left
	moveq	#0,%d1			| scratch, never read
1:	jmp	splx

	.macro	WINDOW_ON branch
	move.w	%sr,%d1			| the SR at entry (CCR untouched)
	\branch	1f
	move.w	#SPL_NONE,%sr		| BUG: level 0 on this path, then s's
1:	moveq	#0,%d0
	move.w	%d1,%d0
	move.l	%d0,-(%sp)		| the result, kept across splx
	move.l	8(%sp),-(%sp)
	jsr	splx
	addq.l	#4,%sp
	move.l	(%sp)+,%d0
	rts
	.endm

	.globl	rt_lower_flag_window_cs
rt_lower_flag_window_cs:
	WINDOW_ON bcc.s			| the window where C is set

	.globl	rt_lower_flag_window_cc
rt_lower_flag_window_cc:
	WINDOW_ON bcs.s			| the window where C is clear

| BROKEN (defined_only): the path depends on X, undefined at the call, read
| through ADDX into a register before the branch: the two worlds hold both
| values of the bit, but not of what it was combined with (here nothing
| else; an add with carry of a defined word in general), so a path decided
| after such an instruction is a dependence on what is undefined.
	.globl	rt_lower_flag_combined
rt_lower_flag_combined:
	moveq	#0,%d1			| X is not changed by moveq
	addx.l	%d1,%d1			| d1 = X, the caller's
	tst.l	%d1
	beq.s	1f
	moveq	#0,%d1			| BUG: on a path X decided, through d1
1:	jmp	splx
