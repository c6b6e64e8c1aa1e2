/* Xspllower finding the next pending bit with TZCNT and ending on its
   "32 for a 0 source".  BUG: TZCNT is BMI1; on the x86-64 CPUs of
   NetBSD/amd64 1.6 (AMD K8) F3 0F BC executes as REP BSF, whose
   destination is undefined (in practice: unchanged) for a 0 source.
   Here source and destination are the same register, so with nothing
   unblocked pending it stays 0: the loop claims bit 0 (clock) and, if
   the clock is pending and still blocked, replays it under a cpl that
   blocks it; if not, `jnc 2b` spins forever. */
	.include "port.inc"
	.equ	KERNEL_CS, 0x08
	.equ	KERNEL_SS, 0x10
	.text
	.globl	Xspllower
Xspllower:
2:	movl	cpl(%rip), %ecx
	notl	%ecx
	andl	ipending(%rip), %ecx
	tzcntl	%ecx, %ecx		/* BUG: REP BSF on a pre-BMI CPU */
	cmpl	$32, %ecx
	je	3f
	btrl	%ecx, ipending(%rip)
	jnc	2b
	movq	%rsp, %rdx
	andq	$-16, %rsp
	pushq	$KERNEL_SS
	pushq	%rdx
	pushfq
	pushq	$KERNEL_CS
	leaq	2b(%rip), %rdx
	pushq	%rdx
	cli
	jmp	Xresume
3:	ret
