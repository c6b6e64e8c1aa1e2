/*
 * amd64 interrupt stubs and handlers, written for iplemu after the i386
 * INTRSTUB design NetBSD/x86_64 1.6 copied.  One stub per source, built
 * from the sources listed in archs/amd64.yaml (IPLEMU_SOURCES, port.inc).
 *
 * The CPU enters Xintr_<name> with IF=0 after aligning RSP down to 16 and
 * pushing SS, RSP, RFLAGS, CS, RIP (Intel SDM vol. 3A §6.14.2); the replay
 * paths build the same frame.  The stub pads its pushes so that %rsp is a
 * multiple of 16 at the handler's call (x86-64 psABI §3.2.2).  The stub saves the scratch registers
 * (64-bit mode has no pushal).  Blocked by cpl: set the source's ipending
 * bit and return.  Otherwise (and on replay, entered at Xresume_<name> with
 * a fake frame): raise cpl to the source's IPL, enable interrupts, run the
 * handler, and leave through Xdoreti with the interrupted cpl.
 */
	.include "port.inc"

	.equ	KERNEL_CS, 0x08		/* the GDT the backend installs */
	.equ	KERNEL_SS, 0x10

/* The scratch registers a stub saves before it calls C-ABI code (the
   callee-saved ones the handler keeps itself). */
	.macro PUSH_SCRATCH
	pushq	%rax
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	.endm

	.macro POP_SCRATCH
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rax
	.endm

	.macro INTRSTUB name, bit, level, spl, vector
	.text
	.weak	Xintr_\name, Xresume_\name
Xintr_\name:
	PUSH_SCRATCH
	testl	$(1 << \bit), cpl(%rip)
	jz	Xbody_\name
	orl	$(1 << \bit), ipending(%rip)	/* blocked: pend it */
	POP_SCRATCH
	iretq
Xresume_\name:
	PUSH_SCRATCH
Xbody_\name:
	movl	cpl(%rip), %eax
	pushq	%rax			/* the cpl to return to */
	leaq	-8(%rsp), %rsp		/* psABI §3.2.2: %rsp a multiple of 16 at the call */
	orl	$\spl, cpl(%rip)	/* run at the source's IPL */
	sti
	call	handler_\name
	cli
	leaq	8(%rsp), %rsp
	popq	%rax
	jmp	Xdoreti
	.endm

/* A handler reads count_<name> and adds one in scratch registers, as a
   C handler may clobber them, but stores nothing of its own: a state after
   it returns can then equal the state before it was taken (explored once).
   The engine sees each run at its entry address; the race scenario's own
   handlers count in count_<name>.

   Then it calls spl routines as every NetBSD driver handler does (s =
   splhigh(); ...; splx(s)): when reenter_raise_<name> is not 0 it calls
   it with reenter_arg_<name>, then reenter_restore_<name> with what it
   returned, through the pointers and by the port's ABI.  `check' sets the
   three words so that the routine under check is one of the two calls
   (emu/reenter.py: the clock's and softclock's handlers); they are 0 otherwise
   (run, race), and the handler calls nothing.  The pair leaves the
   priority as it found it, and what the calls leave on the stack is the
   free stack an interrupt's return poisons. */
	.macro HANDLER name, bit, level, spl, vector
	.data
	.globl	count_\name, reenter_raise_\name, reenter_arg_\name, reenter_restore_\name
count_\name:
	.long	0
reenter_raise_\name:			/* pointers, as wide as a register */
	.quad	0
reenter_arg_\name:
	.quad	0
reenter_restore_\name:
	.quad	0
	.text
	.weak	handler_\name		/* a scenario file may supply its own */
handler_\name:
	movl	count_\name(%rip), %eax
	incl	%eax
	movq	reenter_raise_\name(%rip), %rcx
	testq	%rcx, %rcx
	jz	1f
	leaq	-8(%rsp), %rsp		/* psABI §3.2.2: %rsp a multiple of 16 at the call */
	movl	reenter_arg_\name(%rip), %edi
	call	*%rcx			/* s = raise(arg) */
	movl	%eax, %edi
	movq	reenter_restore_\name(%rip), %rcx
	call	*%rcx			/* restore(s) */
	leaq	8(%rsp), %rsp
1:	ret
	.endm

	IPLEMU_SOURCES INTRSTUB
	IPLEMU_SOURCES HANDLER

	.text
/* Xdoreti: interrupt tail, entered with IF=0 and the cpl to return to in
   %eax on top of the stub's saved scratch registers: restore cpl, replay
   what it leaves unblocked, return from the interrupt. */
	.weak	Xdoreti
Xdoreti:
	movl	%eax, cpl(%rip)
	movl	%eax, %ecx
	notl	%ecx
	andl	ipending(%rip), %ecx
	jz	1f
	bsfl	%ecx, %ecx
	btrl	%ecx, ipending(%rip)
	jnc	Xdoreti
	pushq	%rax			/* keep the cpl to return to */
	movq	%rsp, %rdx
	andq	$-16, %rsp		/* as the CPU aligns RSP before its frame */
	pushq	$KERNEL_SS
	pushq	%rdx
	pushfq
	pushq	$KERNEL_CS
	leaq	2f(%rip), %rdx
	pushq	%rdx
	jmp	Xresume
2:	popq	%rax
	jmp	Xdoreti
1:	POP_SCRATCH
	iretq
