/* BROKEN (handler_priority; red team 24 F2's twin until session 41):
   i386 Xspllower that claims every pending source cpl no longer blocks
   at once (one andl on ipending, interrupts off), then replays the batch
   from a register lowest bit first (bsfl): the hardware bits before the
   soft ones, unlike redteam24_batch_soft_first.S (bsrl).  Still wrong: a
   soft request arriving while the batch is replayed is taken at the
   target priority between two replays, ahead of a hardware request
   claimed into the batch register and not yet run (pckbc waits for
   softserial's whole handler), an inversion NetBSD i386 icu.s 1.45's
   Xspllower, claiming one bit at a time, the lowest first, does not have.
   Found by the several-pended start explored with every source at every
   boundary (session 41). */
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
