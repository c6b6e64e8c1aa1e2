	.include "port.inc"
/* correct twin of redteam12_stub_xmm.S: the clock stub touches no FPU, MMX or XMM register */
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
	movl	cpl, %eax
	pushl	%eax
	orl	$SPL_CLOCK, cpl
	sti
	call	handler_clock
	cli
	popl	%eax
	jmp	Xdoreti
