/* BROKEN: splraise keeping a statistic in its own word but storing it
   one word past the end (memo+4): in a kernel that is the next object's
   first word, whatever the linker put there. */
	.include "port.inc"
	.data
	.align	4
	.globl	rt_last
rt_last:	.long	0
	.text
	.globl	rt_raise
rt_raise:
	movl	cpl(%rip), %eax
	movl	%eax, rt_last+4(%rip)	/* BUG: past the end of rt_last */
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	ret
