/* red team 18 F4: amd64 spllower routines using instructions the first
   x86-64 CPUs lack.  archs/amd64.yaml models NetBSD/x86_64 1.6 (intr.h
   1.1, 2001), which ran on AMD's K8 and Intel's first EM64T: neither has
   BMI1 or POPCNT, so each of these is an invalid opcode (#UD) there and
   no_fault fails naming the instruction (x86.INSTRUCTION_SETS["amd64"]).
   The correct twin does the same with the baseline's NOT and AND. */
	.include "port.inc"
	.text

/* BROKEN: ANDN (BMI1, CPUID.(EAX=07H,ECX=0):EBX.BMI1; VEX-encoded: C4
   is LES, invalid in 64-bit mode, on a CPU without VEX).  The red team's
   reproducer (/work/redteam18/a/amd64_andn.S). */
	.globl	rt_spllower_andn
rt_spllower_andn:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	andn	ipending(%rip), %edi, %edx	/* edx = ipending & ~ncpl */
	jnz	1f
	ret
1:	pushq	%rax
	call	Xspllower
	popq	%rax
	ret

/* BROKEN: POPCNT (CPUID.01H:ECX.POPCNT; F3 0F B8, JMPE on IA-64 and
   invalid on the K8 and the first EM64T) to tell "something pending" */
	.globl	rt_spllower_popcnt
rt_spllower_popcnt:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	movl	%edi, %edx
	notl	%edx
	andl	ipending(%rip), %edx
	popcntl	%edx, %edx
	testl	%edx, %edx
	jnz	1f
	ret
1:	pushq	%rax
	call	Xspllower
	popq	%rax
	ret

/* CORRECT: rt_spllower_andn's twin in the baseline (NOT, AND) */
	.globl	rt_spllower_notand_ok
rt_spllower_notand_ok:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	movl	%edi, %edx
	notl	%edx
	andl	ipending(%rip), %edx	/* edx = ipending & ~ncpl */
	jnz	1f
	ret
1:	pushq	%rax
	call	Xspllower
	popq	%rax
	ret
