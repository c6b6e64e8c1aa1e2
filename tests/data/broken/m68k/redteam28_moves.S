| BROKEN: spllower that fetches its argument with MOVES (an access in the
| address space SFC names: FC_USERD, 1, as NetBSD keeps SFC/DFC,
| archs/m68k.yaml abi.state).  The argument lies on the kernel stack, in
| supervisor data space; the user-data access reads the user process's
| address space (another translation, or a bus error).  Expected: fails
| or no verdict.
	.include "port.inc"
	.text
	.globl	rt_lower_moves
rt_lower_moves:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.l	%sp,%a0
	moves.w	6(%a0),%d1		| WRONG: user data space
	move.w	%d1,%sr
	rts
