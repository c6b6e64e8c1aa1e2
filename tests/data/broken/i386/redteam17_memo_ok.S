/* splraise with a cache that is right from any start: the first call
   computes the mask of bits an argument may raise (all of them) and keeps
   it with a flag; every later call finds the same mask.  Holds after
   earlier calls as on a freshly loaded kernel (the twin of
   redteam17_memo_raise.S, whose one-entry memo does not). */
	.include "port.inc"
	.data
mask_ready:	.long	0
mask_cache:	.long	0
	.text
	.globl	memo_raise_ok
memo_raise_ok:
	cmpl	$0, mask_ready
	jne	1f
	movl	$0xffffffff, mask_cache
	movl	$1, mask_ready
1:	movl	4(%esp), %edx
	andl	mask_cache, %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	ret
