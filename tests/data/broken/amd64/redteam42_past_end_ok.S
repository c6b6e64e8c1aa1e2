/* CORRECT twin of redteam42_past_end.S: the same store at rt_last+4,
   inside its own object this time (two words under a label with no
   .size: its extent is up to the section's end, Image.owned).
   check amd64 --snippet FILE --routine rt_raise=raise --ipl none --ipl softclock --ipl high */
	.include "port.inc"
	.data
	.align	4
	.globl	rt_last
rt_last:	.long	0, 0
	.text
	.globl	rt_raise
rt_raise:
	movl	cpl(%rip), %eax
	movl	%eax, rt_last+4(%rip)
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	ret
