	.include "port.inc"
	.text
/* broken: ORs in %xmm1's low word (x86-64 psABI fig. 3.4: xmm0-15 not
   preserved across calls; undefined at entry) */
	.globl	splraise_xmm
splraise_xmm:
	movd	%xmm1, %ecx
	movl	cpl(%rip), %eax
	orl	%eax, %edi
	orl	%ecx, %edi
	movl	%edi, cpl(%rip)
	ret
/* broken: ORs in CR2 */
	.globl	splraise_cr2
splraise_cr2:
	movq	%cr2, %rcx
	movl	cpl(%rip), %eax
	orl	%eax, %edi
	orl	%ecx, %edi
	movl	%edi, cpl(%rip)
	ret
/* broken: keeps old cpl in %xmm8 across Xspllower (a C function) */
	.globl	spllower_xmm_across
spllower_xmm_across:
	movl	cpl(%rip), %eax
	movd	%eax, %xmm8
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jz	1f
	subq	$8, %rsp
	call	Xspllower
	addq	$8, %rsp
1:	movd	%xmm8, %eax
	ret
/* broken: keeps old cpl in the upper half of %rdi? no: in %r11 (scratch) across the call */
/* broken: FS base as storage: wrfsbase needs CR4.FSGSBASE; use the high
   half of %rsp? no. Keep old cpl in %mm3 across the call */
	.globl	spllower_mmx_across
spllower_mmx_across:
	movl	cpl(%rip), %eax
	movd	%eax, %mm3
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jz	1f
	subq	$8, %rsp
	call	Xspllower
	addq	$8, %rsp
1:	movd	%mm3, %eax
	ret
/* correct twin: keeps old cpl in %rbx (saved) across Xspllower */
	.globl	spllower_rbx_ok
spllower_rbx_ok:
	pushq	%rbx
	movl	cpl(%rip), %ebx
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jz	1f
	call	Xspllower
1:	movl	%ebx, %eax
	popq	%rbx
	ret
/* ABI: misaligned stack at a C call (rsp+8 not 16-aligned at Xspllower's entry) */
	.globl	spllower_misaligned
spllower_misaligned:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jz	1f
	pushq	%rax
	pushq	%rax
	call	Xspllower
	popq	%rax
	popq	%rax
1:	ret
