/* Interrupt stubs that copy the saved registers downwards with a
   backward string move (std; rep movsl: a "trap frame" snapshot for the
   debugger) and call the C handler before the cld.
   BUG: the System V i386 ABI (and GCC) require EFLAGS.DF clear at every
   function entry: a C handler's memcpy/memset (rep movs/stos) or a
   structure copy then runs backwards, smashing memory below its
   destination.  iret restores DF, so the interrupted code sees nothing. */
	.include "port.inc"
	.data
	.align	4
frame_copy:	.skip	32
	.text
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
	std
	leal	28(%esp), %esi		/* last word of the pushal frame */
	leal	frame_copy+28, %edi
	movl	$8, %ecx
	rep movsl			/* copy it, top down */
	movl	cpl, %eax
	pushl	%eax
	orl	$\spl, cpl
	sti
	call	handler_\name		/* BUG: DF is still set */
	cli
	cld
	popl	%eax
	jmp	Xdoreti
	.endm
	IPLEMU_SOURCES STUB
