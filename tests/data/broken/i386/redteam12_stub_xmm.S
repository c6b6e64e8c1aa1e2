	.include "port.inc"
/* broken: the clock stub zeroes xmm0 and mm0 (x87 tag) of the interrupted code */
	.text
	.globl	Xintr_clock, Xresume_clock
Xintr_clock:
	pushal
	testl	$(1 << SRC_CLOCK_BIT), cpl
	jz	Xbody_clock
	orl	$(1 << SRC_CLOCK_BIT), ipending
	popal
	iret
Xresume_clock:
	pushal
Xbody_clock:
	pxor	%xmm0, %xmm0
	movl	$7, %eax
	movd	%eax, %mm0
	movl	cpl, %eax
	pushl	%eax
	orl	$SPL_CLOCK, cpl
	sti
	call	handler_clock
	cli
	popl	%eax
	jmp	Xdoreti
