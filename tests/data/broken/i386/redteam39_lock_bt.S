/* BROKEN (red team 39 C F1, held until session 39: unicorn ran it unprefixed) on every x86 CPU: BT is not lockable (only BTS, BTR, BTC), so
   `lock; btl` raises #UD (SDM vol. 2A LOCK; 80386 PRM LOCK).  Its result
   is unused here: the routine is the shipped splraise otherwise. */
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	movl	4(%esp), %edx
	movl	cpl, %eax
	lock;	btl $SRC_SOFTCLOCK_BIT, ipending
	orl	%eax, %edx
	movl	%edx, cpl
	ret
