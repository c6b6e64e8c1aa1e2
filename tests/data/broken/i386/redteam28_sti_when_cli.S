/* BROKEN (red team 28 A F3, held): spllower that, when its caller has interrupts DISABLED and
   something unblocked is pending, turns interrupts ON (sti) for its
   replay and claims each bit with a non-atomic load/btr/store of
   ipending while they are on; popfl gives the caller's IF back at the
   end.  Two bugs, both only on that path: it lets interrupts in inside the
   caller's disable_intr() section, and a source pended by its stub between
   the load and the store of ipending is lost.  With IF=1 at the call it is
   the port's spllower.  Expect: no_window (interrupt taken though the call
   started with IF=0) and served_once / no_lost. */
	.include "port.inc"
	.text
	.globl	rt_lower_sticli
rt_lower_sticli:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jnz	1f
	ret
1:	pushfl
	testl	$0x200, (%esp)
	jz	5f
	popfl				# IF=1 caller: as the port does
	pushl	%eax
	call	Xspllower
	popl	%eax
	ret
5:	pushl	%eax			# IF=0 caller
	pushl	%ebx
	pushl	%esi
	sti				# BUG 1: interrupts on in a cli section
2:	movl	cpl, %ebx
	notl	%ebx
	andl	ipending, %ebx
	jz	3f
	bsfl	%ebx, %ebx
	movl	ipending, %esi		# BUG 2: non-atomic claim, IF=1
	nop
	btrl	%ebx, %esi
	movl	%esi, ipending
	pushfl
	pushl	%cs
	pushl	$2b
	cli
	jmp	Xresume
3:	popl	%esi
	popl	%ebx
	popl	%eax
	popfl				# caller's IF back (0)
	ret
