/* BROKEN (red team 42 B F6): splraise keeping a statistic in its own word
   but storing it one word past the end (rt_last+4): in a kernel that is
   the next object's first word, whatever the linker put there.  Held
   while the bytes past the user's last object counted as its own data;
   fails preserves since session 43 (Image.owned).
   check amd64 --snippet FILE --routine rt_raise=raise --ipl none --ipl softclock --ipl high */
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
