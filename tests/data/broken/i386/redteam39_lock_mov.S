/* BROKEN (red team 39 C F1, held until session 39: unicorn ran it unprefixed) on every x86 CPU: a LOCK prefix on MOV raises #UD (Intel SDM
   vol. 2A, LOCK: "An undefined opcode exception will also be generated if
   the LOCK prefix is used with any instruction not in the above list";
   MOV's exceptions: "#UD ... If the LOCK prefix is used"; 80386 PRM,
   LOCK, the same list).  The author meant the store to be "atomic".
   GNU as takes `lock;` before any instruction without a word. */
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	lock;	movl	%edx, cpl
	ret
