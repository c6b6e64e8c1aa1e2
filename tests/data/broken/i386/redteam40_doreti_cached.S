/* BROKEN (red team 40 B): i386 Xdoreti (replacing the port's through its
   weak symbol) that reads ipending once and keeps the copy across its
   replays, as C code caching a volatile does:
       pend = ipending;
       while ((bits = pend & ~cpl) != 0) {
           bit = ffs(bits) - 1; pend &= ~(1 << bit); ipending = pend;
           replay(bit);          -- sti, handler, cli, nested Xdoreti
       }
   Each claim is made with IF = 0, so the write itself is safe; the copy
   goes stale across a replayed handler: the nested Xdoreti at that
   handler's tail replays the other pending bits and clears them, and the
   outer loop then claims one of them again from its stale copy and runs
   its handler a second time (and writes a stale ipending back, losing a
   source pended meanwhile).  Needs two unblocked bits in one Xdoreti's
   copy: a request pended at the call, one pended while `from` blocks it,
   and an interrupt taken after spllower's cpl write and before Xspllower
   claims: its tail's Xdoreti copies both. */
	.include "port.inc"
	.text
	.globl	Xdoreti
Xdoreti:
	movl	%eax, cpl
	movl	ipending, %ecx		/* pend: read once */
1:	movl	cpl, %ebx
	notl	%ebx
	andl	%ecx, %ebx
	jz	3f
	bsfl	%ebx, %ebx
	btrl	%ebx, %ecx		/* pend &= ~bit */
	movl	%ecx, ipending		/* ipending = pend (IF = 0 here) */
	pushl	%eax			/* the cpl to return to */
	pushl	%ecx			/* pend, kept across the replay */
	pushfl
	pushl	%cs
	pushl	$2f
	jmp	Xresume
2:	popl	%ecx
	popl	%eax
	movl	%eax, cpl
	jmp	1b
3:	popal
	iret
