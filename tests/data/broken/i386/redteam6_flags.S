/* red-team pass 6: flags an instruction leaves undefined (SDM vol. 2,
   each "Flags Affected") on the path only an interrupt leads to: the
   replay, after a source the old cpl blocked was pended.  These held while
   a case's run from a snapshot kept the flags the emulator computed (the
   engine poisoned them only in the stepped baseline). */
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

/* BROKEN (defined_only): BSF leaves CF undefined */
	.globl	spllower_bsf_jc
spllower_bsf_jc:
	HEAD
	jz	9f
	bsfl	%edx, %ecx
	jc	9f			/* WRONG */
	TAIL

/* BROKEN (defined_only): DIV leaves ZF undefined */
	.globl	spllower_div_jz
spllower_div_jz:
	HEAD
	jz	9f
	pushl	%eax
	movl	%edx, %eax
	movl	$0, %edx
	movl	$1, %ecx
	divl	%ecx
	movl	%eax, %edx
	popl	%eax
	jz	9f			/* WRONG */
	TAIL

/* BROKEN (defined_only): AND leaves AF undefined; PUSHF reads it */
	.globl	spllower_and_pushf_af
spllower_and_pushf_af:
	HEAD
	jz	9f
	andl	$-1, %edx
	pushfl
	testl	$0x10, (%esp)		/* WRONG: AF */
	popl	%ecx
	jnz	9f
	TAIL

/* CORRECT on a P6 or later: BSF sets ZF by its source; CMOVZ reads only
   ZF.  BROKEN on the 80386 (no CMOVcc: #UD); amd64's redteam17_isa_ok.S holds */
	.globl	spllower_bsf_cmov_ok
spllower_bsf_cmov_ok:
	HEAD
	movl	$-1, %ecx
	bsfl	%edx, %edx
	cmovzl	%ecx, %edx
	cmpl	$-1, %edx
	je	9f
	TAIL

/* CORRECT: DIV's undefined flags are written again by TEST before JZ */
	.globl	spllower_div_test_ok
spllower_div_test_ok:
	HEAD
	pushl	%eax
	movl	%edx, %eax
	movl	$0, %edx
	movl	$1, %ecx
	divl	%ecx
	movl	%eax, %edx
	popl	%eax
	testl	%edx, %edx
	jz	9f
	TAIL
