/* CORRECT TWIN of i386_batch_soft_first.S (bsfl: lowest first, the
   hardware before the soft bits).
   i386 Xspllower that claims every pending source cpl no longer blocks
   at once (one andl on ipending, interrupts off), then replays the batch
   from a register, HIGHEST bit first (bsrl): softclock (bit 31) before
   the clock (bit 0).  BUG: softclock's handler runs at IPL_SOFTCLOCK,
   which does not block the clock, while the clock's request, claimed
   with it, waits behind it.  NetBSD i386 icu.s 1.45 Xspllower claims one
   bit at a time, the lowest first (bsfl), the soft ones being the top
   bits, so every pending hardware source runs before any soft one. */
	.include "port.inc"
	.text
	.globl	Xspllower
Xspllower:
	pushl	%ebx
	pushl	%esi
	pushfl				/* IF as at entry */
2:	cli
	movl	cpl, %esi
	notl	%esi
	andl	ipending, %esi		/* the batch: pending, unblocked */
	jz	3f
	movl	%esi, %ebx
	notl	%ebx
	andl	%ebx, ipending		/* claim the whole batch */
4:	bsfl	%esi, %ebx		/* lowest first */
	btrl	%ebx, %esi
	pushl	(%esp)			/* fake frame: the entry's EFLAGS */
	pushl	%cs
	pushl	$5f
	jmp	Xresume
5:	cli
	testl	%esi, %esi
	jnz	4b
	jmp	2b
3:	popfl
	popl	%esi
	popl	%ebx
	ret
