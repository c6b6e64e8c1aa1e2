/* red-team pass 5 (helper a): flags the CPU leaves undefined */
	.include "port.inc"
	.text

/* BROKEN by the SDM (defined_only expected): branches on ZF after MUL,
   whose SF, ZF, AF, PF are "undefined" (SDM vol. 2 MUL, Flags Affected).
   unicorn computes ZF from the low half, so it "works" in emulation. */
	.globl	spllower_zf_after_mul
spllower_zf_after_mul:
	movl	cpl, %eax
	pushl	%eax
	movl	8(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	movl	ipending, %eax
	andl	%edx, %eax
	movl	$1, %ecx
	mull	%ecx			/* edx:eax = eax; ZF undefined */
	jz	2f			/* WRONG: undefined ZF */
	call	Xspllower
2:	popl	%eax
	ret

/* BROKEN (defined_only expected): a shift by a count of 0 leaves every
   flag as it was (SDM vol. 2 SAL/SAR/SHL/SHR: "If the count is 0, the
   flags are not affected"); the jz tests the caller's poison ZF. */
	.globl	spllower_shr0
spllower_shr0:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	movl	ipending, %ecx
	shrl	$0, %ecx		/* flags unchanged */
	jz	2f			/* WRONG: the caller's ZF */
	testl	%edx, %ecx
	jz	2f
	pushl	%eax
	call	Xspllower
	popl	%eax
2:	ret

/* Same after a C function's return: the flags are poison again; the
   count-0 shift leaves that poison, the engine's table says it wrote. */
	.globl	spllower_shr0_after_call
spllower_shr0_after_call:
	movl	cpl, %eax
	pushl	%eax
	movl	8(%esp), %edx
	movl	%edx, cpl
	call	Xspllower		/* always: flags poison after */
	movl	$0, %ecx
	movl	cpl, %edx
	shrl	%cl, %edx		/* count 0: flags unchanged (poison) */
	jz	2f			/* WRONG */
	movl	$1, %ecx		/* a harmless difference in %ecx... */
	call	Xspllower
2:	popl	%eax
	ret
