| BROKEN (red team 19 B): spl0 that returns with `jmp' through the return
| address instead of `rts', leaving the return address on the stack: the
| caller's %sp is 4 bytes lower after the call (M68000 PRM §4 RTS pops the
| PC; JMP does not), so its frame, locals and saved registers are all
| read 4 bytes off.
	.include "port.inc"
	.text
	.globl	rt_spl0_jmp
rt_spl0_jmp:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	#SPL_NONE,%sr
	move.l	(%sp),%a0		| BUG: (%sp)+ meant: the return address is not popped
	jmp	(%a0)			| BUG: the return address stays on the stack
