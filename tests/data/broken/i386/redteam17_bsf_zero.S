/* Xspllower whose loop ends on "no bit found" by presetting the BSF
   destination to 32 and comparing, instead of testing ZF (or the andl's
   result) before the BSF.  It relies on BSF leaving its destination
   unchanged for a 0 source (what AMD documents and unicorn/QEMU do).
   BUG: Intel SDM vol. 2A BSF: "If the content of the source operand is 0,
   the content of the destination operand is undefined" (and 386/486
   write it): when nothing unblocked is pending, %ecx is garbage: a bit
   number < 32 makes the loop claim and replay a pending source the cpl
   still BLOCKS (btrl succeeds), or spin forever (btrl fails, jnc 2b). */
	.include "port.inc"
	.text
	.globl	Xspllower
Xspllower:
	pushl	%ebx
2:	movl	cpl, %ebx
	notl	%ebx
	andl	ipending, %ebx
	movl	$32, %ecx
	bsfl	%ebx, %ecx		/* BUG: %ecx undefined when %ebx == 0 */
	cmpl	$32, %ecx
	je	3f
	movl	%ecx, %ebx
	btrl	%ebx, ipending
	jnc	2b
	pushfl
	pushl	%cs
	pushl	$2b
	cli
	jmp	Xresume
3:	popl	%ebx
	ret
