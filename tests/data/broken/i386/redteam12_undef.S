	.include "port.inc"
	.text
/* broken: ORs in %xmm1's low word, undefined at a call (SysV i386 ABI:
   xmm registers are scratch); the model may start it at 0 */
	.globl	splraise_xmm
splraise_xmm:
	movd	%xmm1, %ecx
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	orl	%ecx, %edx
	movl	%edx, cpl
	ret
/* broken: same with an MMX register */
	.globl	splraise_mmx
splraise_mmx:
	movd	%mm1, %ecx
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	orl	%ecx, %edx
	movl	%edx, cpl
	ret
/* broken: CR2 (the last page-fault address) is not the routine's */
	.globl	splraise_cr2
splraise_cr2:
	movl	%cr2, %ecx
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	orl	%ecx, %edx
	movl	%edx, cpl
	ret
/* broken: DR0 */
	.globl	splraise_dr0
splraise_dr0:
	movl	%dr0, %ecx
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	orl	%ecx, %edx
	movl	%edx, cpl
	ret
/* broken: keeps the old cpl in xmm2 across Xspllower (a C function: xmm scratch) */
	.globl	spllower_xmm_across
spllower_xmm_across:
	movl	cpl, %eax
	movd	%eax, %xmm2
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jz	1f
	call	Xspllower
1:	movd	%xmm2, %eax
	ret
/* broken: uses %fs/%gs as a scratch store (segment selectors: loading a
   data selector; the system's) -- keeps old cpl in a x87 register */
	.globl	spllower_x87_across
spllower_x87_across:
	fildl	cpl
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jz	1f
	call	Xspllower
1:	subl	$4, %esp
	fistpl	(%esp)
	popl	%eax
	ret
/* correct twin: keeps the old cpl in %ebx (saved) across Xspllower and
   touches no FPU, XMM, control or debug register */
	.globl	spllower_ebx_across_ok
spllower_ebx_across_ok:
	pushl	%ebx
	movl	cpl, %ebx
	movl	8(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jz	1f
	call	Xspllower
1:	movl	%ebx, %eax
	popl	%ebx
	ret
