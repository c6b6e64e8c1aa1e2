/* Red team 18 F3 on amd64 (the same replay design as i386): an spllower
   that replays the pending sources ncpl unblocks BEFORE it stores ncpl
   into cpl.
   rt_spllower_early (BROKEN, handler_priority): each replayed handler runs
   with cpl = the old cpl | imask[its IPL] (the stub ORs its mask into the
   cpl it finds): softclock's handler, replayed by spllower(IPL_NONE) from
   IPL_HIGH, runs at IPL_HIGH, blocking the clock and every device.
   rt_spllower_late_ok (its twin): the same loop after the store. */
	.include "port.inc"
	.equ	KERNEL_CS, 0x08		/* the GDT the backend installs */
	.equ	KERNEL_SS, 0x10
	.text
	.globl	rt_spllower_early
rt_spllower_early:
2:	movl	%edi, %ecx		/* ncpl (the stubs give %edi back) */
	notl	%ecx
	andl	ipending(%rip), %ecx
	jz	3f
	bsfl	%ecx, %ecx
	btrl	%ecx, ipending(%rip)	/* claim it */
	jnc	2b
	movq	%rsp, %rdx		/* fake interrupt frame, as Xspllower */
	andq	$-16, %rsp
	pushq	$KERNEL_SS
	pushq	%rdx
	pushfq
	pushq	$KERNEL_CS
	leaq	2b(%rip), %rdx
	pushq	%rdx
	cli
	jmp	Xresume
3:	movl	cpl(%rip), %eax		/* the old cpl, returned */
	movl	%edi, cpl(%rip)		/* now lower */
	notl	%edi
	testl	%edi, ipending(%rip)	/* what arrived meanwhile */
	jnz	4f
	ret
4:	pushq	%rax
	call	Xspllower
	popq	%rax
	ret

	.globl	rt_spllower_late_ok
rt_spllower_late_ok:
	movl	cpl(%rip), %eax
	pushq	%rax			/* the old cpl, returned */
	movl	%edi, cpl(%rip)		/* lower first */
2:	movl	%edi, %ecx
	notl	%ecx
	andl	ipending(%rip), %ecx
	jz	3f
	bsfl	%ecx, %ecx
	btrl	%ecx, ipending(%rip)	/* claim it */
	jnc	2b
	movq	%rsp, %rdx		/* fake interrupt frame, as Xspllower */
	andq	$-16, %rsp
	pushq	$KERNEL_SS
	pushq	%rdx
	pushfq
	pushq	$KERNEL_CS
	leaq	2b(%rip), %rdx
	pushq	%rdx
	cli
	jmp	Xresume
3:	popq	%rax
	ret
