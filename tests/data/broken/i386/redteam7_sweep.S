/* red team 7: a literal byte in .text: the linear sweep
   (UnicornBackend.image_loaded) decodes `push imm32` over the next four
   bytes and never sees the AND and PUSHF, or the BSF and JC, after it.
   CORRECT spllower_lit_ok failed no_fault ("not modelled"); the reader is
   now hooked when a run first meets it. */
	.include "port.inc"
	.text
	.p2align 4
	.byte	0x68			/* a literal: data in .text */
	.globl	spllower_lit_ok
spllower_lit_ok:
	andl	%ecx, %ecx		/* AF undefined (SDM vol. 2 AND) */
	pushfl				/* keeps it, and IF */
	cli
	movl	cpl, %eax
	movl	8(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jz	1f
	pushl	%eax
	call	Xspllower
	popl	%eax
1:	popfl
	ret

/* the same without the literal: the control */
	.p2align 4
	.globl	spllower_nolit_ok
spllower_nolit_ok:
	andl	%ecx, %ecx
	pushfl
	cli
	movl	cpl, %eax
	movl	8(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jz	1f
	pushl	%eax
	call	Xspllower
	popl	%eax
1:	popfl
	ret

/* BROKEN (defined_only): BSF leaves CF undefined, and the literal before
   it hides both it and the JC from the sweep */
	.macro	HEAD
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	andl	ipending, %edx
	.endm
	.globl	spllower_lit_bsf_jc
spllower_lit_bsf_jc:
	HEAD
	jz	9f
	jmp	2f
	.byte	0x68			/* a literal: data in .text */
2:	bsfl	%edx, %ecx
	jc	9f			/* WRONG: CF undefined */
	pushl	%eax
	call	Xspllower
	popl	%eax
9:	ret
