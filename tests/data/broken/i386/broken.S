/* Deliberately broken i386 spl routines and stubs (test data).  Each one
   must be caught by the test or check named beside it. */
	.include "port.inc"
	.text

/* splraise that lowers: stores the new mask instead of OR-ing it in. */
	.globl	splraise_lowers
splraise_lowers:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	ret

/* spllower that only stores cpl: pending interrupts are lost (left waiting). */
	.globl	spllower_loses
spllower_loses:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	ret

/* splx that restores one bit too few (drops the source's own bit 30, softnet). */
	.globl	splx_wrong
splx_wrong:
	movl	4(%esp), %edx
	andl	$0xbfffffff, %edx
	pushl	%edx
	call	spllower
	addl	$4, %esp
	ret

/* A clock stub that returns with cpl cleared: it does not restore the
   interrupted priority. */
	.globl	Xintr_clock_norestore
Xintr_clock_norestore:
	pushal
	orl	$SRC_CLOCK_SPL, cpl
	sti
	call	handler_clock
	cli
	xorl	%eax, %eax
	jmp	Xdoreti

/* Stubs that keep the interrupted cpl in one global word instead of on the
   stack: right for one interrupt, wrong when a second one nests inside the
   first (the inner stub overwrites the outer one's saved cpl).  Only
   `iplemu check --depth 2` reaches that. */
	.data
saved_cpl:
	.long	0
	.text
	.macro GLOBALSTUB name, bit, spl
	.globl	Xintr_\name\()_global
Xintr_\name\()_global:
	pushal
	testl	$(1 << \bit), cpl
	jz	1f
	orl	$(1 << \bit), ipending
	popal
	iret
1:	movl	cpl, %eax
	movl	%eax, saved_cpl
	orl	$\spl, cpl
	sti
	call	handler_\name
	cli
	movl	saved_cpl, %eax
	jmp	Xdoreti
	.endm
	GLOBALSTUB softnet, SRC_SOFTNET_BIT, SRC_SOFTNET_SPL
	GLOBALSTUB clock, SRC_CLOCK_BIT, SRC_CLOCK_SPL
