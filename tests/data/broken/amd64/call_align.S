/* amd64: calls of C functions with the stack misaligned for the x86-64
   psABI (§3.2.2: %rsp a multiple of 16 at the call, before it pushes the
   return address; abi.call_stack_alignment), and their twins
   (tests/test_contract.py). */
	.include "port.inc"
	.text

/* no_fault: keeps the old cpl and one word more before it calls the
   replay path, so %rsp is 8 off at the call. */
	.globl	spllower_pad_misaligned
spllower_pad_misaligned:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jz	1f
	pushq	%rax
	pushq	%rax			/* one word too many */
	call	Xspllower
	popq	%rax
	popq	%rax
1:	ret

/* The twin: a 24-byte frame, the old cpl at its bottom; %rsp a multiple
   of 16 at the call. */
	.globl	spllower_pad_ok
spllower_pad_ok:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jz	1f
	subq	$24, %rsp
	movq	%rax, (%rsp)
	call	Xspllower
	movq	(%rsp), %rax
	addq	$24, %rsp
1:	ret
