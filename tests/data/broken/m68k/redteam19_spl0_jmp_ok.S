| CORRECT twin of redteam19_spl0_jmp.S: pops the return address into %a0
| (postincrement) before jumping through it, as rts would.
	.include "port.inc"
	.text
	.globl	rt_spl0_jmp_ok
rt_spl0_jmp_ok:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	#SPL_NONE,%sr
	move.l	(%sp)+,%a0
	jmp	(%a0)			| the return address popped first
