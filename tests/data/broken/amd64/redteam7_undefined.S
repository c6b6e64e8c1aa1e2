/* red team 7: amd64 instructions whose SDM "Flags Affected" leaves flags
   undefined but that x86_flags_undefined does not count */
	.include "port.inc"
	.text
	.macro	HEAD
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	notl	%edi
	andl	ipending(%rip), %edi
	.endm
	.macro	TAIL
	pushq	%rax
	call	Xspllower
	popq	%rax
9:	ret
	.endm

/* BROKEN (no_fault: BMI1 is #UD on the first x86-64s, x86.INSTRUCTION_SETS;
   on a later CPU defined_only): BLSR "SF, ZF updated, CF set if source zero, OF
   cleared; AF and PF undefined" (SDM vol. 2 BLSR) */
	.globl	spllower_blsr_pf
spllower_blsr_pf:
	HEAD
	jz	9f
	movl	$3, %ecx
	blsrl	%ecx, %ecx
	jp	9f			/* WRONG: PF undefined (unicorn: PF clear) */
	TAIL

/* BROKEN (no_fault: BMI1, as above; later, defined_only): BEXTR "ZF updated, CF, OF cleared; AF, SF, PF undefined" */
	.globl	spllower_bextr_sf
spllower_bextr_sf:
	HEAD
	jz	9f
	movl	$0x0801, %edx
	bextrl	%edx, %edi, %ecx
	js	9f			/* WRONG: SF undefined */
	TAIL

/* BROKEN (defined_only): LZCNT "OF, SF, PF, AF undefined" */
	.globl	spllower_lzcnt_of
spllower_lzcnt_of:
	HEAD
	jz	9f
	lzcntq	%rdi, %rcx
	jo	9f			/* WRONG: OF undefined */
	TAIL

/* BROKEN (defined_only): SHR r8 by 8 leaves CF undefined */
	.globl	spllower_shrb8_cf
spllower_shrb8_cf:
	HEAD
	jz	9f
	movb	$0x80, %cl
	shrb	$8, %cl
	jnc	9f			/* WRONG */
	TAIL

/* CONTROL (defined_only): SHL r64 by 33 leaves OF undefined: counted */
	.globl	spllower_shlq33_of
spllower_shlq33_of:
	HEAD
	jz	9f
	movq	$1, %rcx
	shlq	$33, %rcx
	jo	9f			/* WRONG */
	TAIL
