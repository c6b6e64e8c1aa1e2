/* red team 17: the i386 routines that use instructions the 80386 lacks
   (tests/data/broken/i386/redteam17_isa.S, contract.S's cmpxchg loop,
   redteam6_flags.S's cmov) are correct on amd64's CPU, which has them. */
	.include "port.inc"
	.text

/* CORRECT: cpl |= ncpl with lock cmpxchg, retried until no interrupt
   changed cpl in between */
	.globl	splraise_cmpxchg_ok
splraise_cmpxchg_ok:
	movl	cpl(%rip), %eax
1:	movl	%edi, %edx
	orl	%eax, %edx
	lock cmpxchgl %edx, cpl(%rip)
	jne	1b
	ret

/* CORRECT: BSF sets ZF by its source; CMOVZ reads only ZF (the rest of
   the flags BSF leaves undefined are never read) */
	.globl	spllower_bsf_cmov_ok
spllower_bsf_cmov_ok:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	notl	%edi
	andl	ipending(%rip), %edi
	movl	$-1, %ecx
	bsfl	%edi, %edi
	cmovzl	%ecx, %edi
	cmpl	$-1, %edi
	je	1f
	pushq	%rax
	call	Xspllower
	popq	%rax
1:	ret
