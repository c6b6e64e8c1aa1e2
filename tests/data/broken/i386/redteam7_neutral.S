/* red team 7: an instruction that leaves EFLAGS alone but is not in
   X86_FLAG_WRITES counts as writing every arithmetic flag, so the undefined
   CF of a BSF before it is taken as written again: no poison in a case's
   run (the path is reached only after an interrupt pended a source). */
	.include "port.inc"
	.text
	.macro	HEAD
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	andl	ipending, %edx		/* AF undefined, ZF and SF defined */
	.endm
	.macro	TAIL
	pushl	%eax
	call	Xspllower
	popl	%eax
9:	ret
	.endm

/* BROKEN (defined_only): SMSW "Flags Affected: None" (SDM vol. 2 SMSW) */
	.globl	spllower_bsf_smsw_jc
spllower_bsf_smsw_jc:
	HEAD
	jz	9f
	bsfl	%edx, %ecx
	smsw	%cx
	jc	9f			/* WRONG: CF undefined since BSF */
	TAIL

/* BROKEN (defined_only): FNOP: EFLAGS unaffected (x87 C0-C3 only) */
	.globl	spllower_bsf_fnop_jc
spllower_bsf_fnop_jc:
	HEAD
	jz	9f
	bsfl	%edx, %ecx
	fnop
	jc	9f			/* WRONG: CF undefined since BSF */
	TAIL

/* BROKEN (defined_only): SLDT "Flags Affected: None" */
	.globl	spllower_div_sldt_jz
spllower_div_sldt_jz:
	HEAD
	jz	9f
	pushl	%eax
	movl	%edx, %eax
	movl	$0, %edx
	movl	$1, %ecx
	divl	%ecx
	movl	%eax, %edx
	popl	%eax
	sldt	%cx
	jz	9f			/* WRONG: ZF undefined since DIV */
	TAIL

/* BROKEN (defined_only): the caller's CF (undefined at a call, abi.scratch)
   read on the path only an interrupt leads to (ipending non-zero); SMSW
   between counts as writing it, so the case's flip leaves it alone */
	.globl	spllower_callercf_smsw
spllower_callercf_smsw:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	movl	ipending, %ecx
	jecxz	9f
	smsw	%cx
	jc	9f			/* WRONG: the caller's CF */
	TAIL
/* the control: no SMSW */
	.globl	spllower_callercf
spllower_callercf:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	movl	ipending, %ecx
	jecxz	9f
	jc	9f			/* WRONG: the caller's CF */
	TAIL

/* BROKEN (defined_only): the caller's CF (undefined at a call, abi.scratch)
   read on the path only an interrupt leads to (ipending non-zero); SMSW
   between counts as writing it, so the case's flip leaves it alone */
	.globl	spllower_callernc_smsw
spllower_callernc_smsw:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	movl	ipending, %ecx
	jecxz	9f
	smsw	%cx
	jnc	9f			/* WRONG: the caller's CF */
	TAIL
/* the control: no SMSW */
	.globl	spllower_callernc
spllower_callernc:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	movl	ipending, %ecx
	jecxz	9f
	jnc	9f			/* WRONG: the caller's CF */
	TAIL
