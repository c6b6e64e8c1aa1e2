/* Red team 18 F3: an i386 spllower that replays the pending sources ncpl
   unblocks BEFORE it stores ncpl into cpl ("run the pending work first,
   then drop the priority").
   rt_spllower_early (BROKEN, handler_priority): each replayed handler runs
   with cpl = the old cpl | imask[its IPL] (the stub ORs its mask into the
   cpl it finds, as NetBSD's INTRSTUB does): softclock's handler, replayed
   by spllower(IPL_NONE) from IPL_HIGH, runs at IPL_HIGH, so the clock and
   every device are blocked for the whole soft handler.  The old ceiling
   (the priority at the call joined with the rest) let it hold.
   rt_spllower_late_ok (its twin): the same loop after the store, so each
   replay runs at ncpl | imask[its IPL]. */
	.include "port.inc"
	.text
	.globl	rt_spllower_early
rt_spllower_early:
	pushl	%ebx
	movl	8(%esp), %edx		/* ncpl */
2:	movl	%edx, %ebx
	notl	%ebx
	andl	ipending, %ebx
	jz	3f
	bsfl	%ebx, %ebx
	btrl	%ebx, ipending		/* claim it */
	jnc	2b
	pushfl				/* fake interrupt frame, as Xspllower */
	pushl	%cs
	pushl	$2b
	cli
	jmp	Xresume
3:	popl	%ebx
	movl	cpl, %eax		/* the old cpl, returned */
	movl	%edx, cpl		/* now lower */
	notl	%edx
	testl	%edx, ipending		/* what arrived meanwhile */
	jnz	4f
	ret
4:	pushl	%eax
	call	Xspllower
	popl	%eax
	ret

	.globl	rt_spllower_late_ok
rt_spllower_late_ok:
	pushl	%ebx
	pushl	cpl			/* the old cpl, returned */
	movl	12(%esp), %edx		/* ncpl */
	movl	%edx, cpl		/* lower first */
2:	movl	%edx, %ebx
	notl	%ebx
	andl	ipending, %ebx
	jz	3f
	bsfl	%ebx, %ebx
	btrl	%ebx, ipending		/* claim it */
	jnc	2b
	pushfl				/* fake interrupt frame, as Xspllower */
	pushl	%cs
	pushl	$2b
	cli
	jmp	Xresume
3:	popl	%eax
	popl	%ebx
	ret
