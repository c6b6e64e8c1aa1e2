/*
 * i386 interrupt stubs and handlers, written for iplemu after NetBSD 1.6's
 * INTRSTUB (sys/arch/i386/isa/vector.s).  One stub per source, built from
 * the sources listed in archs/i386.yaml (IPLEMU_SOURCES, port.inc).
 *
 * The CPU enters Xintr_<name> with IF=0 after pushing EFLAGS, CS, EIP.
 * Blocked by cpl: set the source's ipending bit and return.  Otherwise
 * (and on replay, entered at Xresume_<name> with a fake frame): raise cpl
 * to the source's IPL, enable interrupts, run the handler, and leave
 * through Xdoreti with the interrupted cpl.
 */
	.include "port.inc"

	.macro INTRSTUB name, bit, level, spl, vector
	.text
	.weak	Xintr_\name, Xresume_\name
Xintr_\name:
	pushal
	testl	$(1 << \bit), cpl
	jz	Xbody_\name
	orl	$(1 << \bit), ipending	/* blocked: pend it */
	popal
	iret
Xresume_\name:
	pushal
Xbody_\name:
	movl	cpl, %eax
	pushl	%eax			/* the cpl to return to */
	orl	$\spl, cpl		/* run at the source's IPL */
	sti
	call	handler_\name
	cli
	popl	%eax
	jmp	Xdoreti
	.endm

/* A handler reads count_<name> and adds one in scratch registers, as a
   C handler may clobber them, but stores nothing of its own: a state after
   it returns can then equal the state before it was taken (explored once).
   The engine sees each run at its entry address; the race scenario's own
   handlers count in count_<name>.

   Then it calls spl routines as every NetBSD driver handler does (s =
   splhigh(); ...; splx(s)): when reenter_raise_<name> is not 0 it calls
   it with reenter_arg_<name> and then reenter_restore_<name> with what
   it returned (cdecl, through the pointers; the callees keep %ebx, %esi,
   %edi, %ebp).  `check' sets the three words so that the routine under
   check is one of the two calls (emu/reenter.py: the clock's and
   softclock's handlers); they are 0 otherwise (run, race): the handler calls
   nothing.  The pair leaves the priority as it found it, and the calls'
   stack below %esp is the free stack an interrupt's return poisons. */
	.macro HANDLER name, bit, level, spl, vector
	.data
	.globl	count_\name, reenter_raise_\name, reenter_arg_\name, reenter_restore_\name
count_\name:
	.long	0
reenter_raise_\name:
	.long	0
reenter_arg_\name:
	.long	0
reenter_restore_\name:
	.long	0
	.text
	.weak	handler_\name		/* a scenario file may supply its own */
handler_\name:
	movl	count_\name, %eax
	incl	%eax
	movl	reenter_raise_\name, %ecx
	testl	%ecx, %ecx
	jz	1f
	pushl	reenter_arg_\name
	call	*%ecx			/* s = raise(arg) */
	movl	%eax, (%esp)		/* the argument slot is the callee's: reload it */
	call	*reenter_restore_\name	/* restore(s) */
	addl	$4, %esp
1:	ret
	.endm

	IPLEMU_SOURCES INTRSTUB
	IPLEMU_SOURCES HANDLER
