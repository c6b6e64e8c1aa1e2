| CORRECT twin of redteam19_spl0_jmp.S: pops the return address into %a0
| (postincrement) before jumping through it, as rts would.
	.include "port.inc"
	.text
	.globl	rt_spl0_jmp_ok
rt_spl0_jmp_ok:
	jsr	spl0			| the port's: level 0, after the soft
					| interrupts pending in ssir; %d0 = old SR
	move.l	(%sp)+,%a0
	jmp	(%a0)			| the return address popped first
