/* Interrupt stubs that raise cpl and call the handler with interrupts
   still disabled (the interrupt gate's IF = 0): the `sti` of INTRSTUB left
   out.  BUG: while any handler runs, even com0 at IPL_SERIAL (which the
   handler's cpl does not block) cannot interrupt it: a slow disk handler
   delays the serial interrupt until its iret (16550 FIFO overruns); the
   cpl hierarchy is dead inside handlers. */
	.include "port.inc"
	.macro STUB name, bit, level, spl, vector
	.text
	.globl	Xintr_\name, Xresume_\name
Xintr_\name:
	pushal
	testl	$(1 << \bit), cpl
	jz	Xbody_\name
	orl	$(1 << \bit), ipending
	popal
	iret
Xresume_\name:
	pushal
Xbody_\name:
	movl	cpl, %eax
	pushl	%eax
	orl	$\spl, cpl
	call	handler_\name		/* BUG: no sti before */
	popl	%eax
	jmp	Xdoreti
	.endm
	IPLEMU_SOURCES STUB
