| BROKEN (red team 28 C F1, held): spllower that sets SR.T1 with the new
| level and clears it with the next instruction: the CPU takes a trace
| exception after that instruction (M68000 PRM §1.3.2; MC68030 UM §8.1.7),
| into the kernel's trap code; unicorn ignores T1.  no_fault fails.
	.include "port.inc"
	.text
	.globl	rt_lower_trace
rt_lower_trace:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%d1
	ori.w	#0x8000,%d1
	move.w	%d1,%sr			| WRONG: T1 set
	move.w	6(%sp),%sr		| traced: vector 9 after it
	rts
