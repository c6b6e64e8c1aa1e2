/* BROKEN: splraise that sets MSR[IP] (exception prefix, 0x40) around its cpl update: an interrupt taken in between vectors to 0xFFF00500, the boot ROM (Open Firmware), not the kernel's 0x500.
   --routine rt_raise_ip=raise */
	.include "port.inc"
	.text
	.globl	rt_raise_ip
rt_raise_ip:
	mfmsr	r6
	ori	r7, r6, 0x40		/* MSR[IP]: vectors at 0xFFF00000 */
	mtmsr	r7
	isync
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	or	r5, r4, r3
	stw	r5, cpl@l(r9)
	mtmsr	r6
	isync
	mr	r3, r4
	blr
