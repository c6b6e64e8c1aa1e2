/* BROKEN: Xintr_common goes straight on to the dispatcher without the rfi
   that loads the kernel's PSW: handlers run with PSW = 0, i.e. Q = 0 (the
   interruption queues frozen: any interruption the handler takes - a TLB
   miss, a page fault - cannot be returned from, PA-RISC 1.1 ch. 5) and
   C = D = P = 0 (the kernel's address translation off). */
	.include "port.inc"
	.text
	.globl	Xintr_common
Xintr_common:
	b,n	Xintr_run_entry
	.globl	Xintr_run_entry
Xintr_run_entry:
	ldil	L%ipending, %r19
	ldw	R%ipending(%r19), %r21
	or	%r21, %r20, %r21
	stw	%r21, R%ipending(%r19)
	ldil	L%cpl, %r19
	ldw	R%cpl(%r19), %arg0
	andcm,<> %r21, %arg0, %r0
	b,n	Xintr_exit
	bl	intr_dispatch, %rp
	ldw	76(%r1), %arg1
	b,n	Xintr_exit
