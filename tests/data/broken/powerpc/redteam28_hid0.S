/* BROKEN: splraise that writes HID0 = 0: turns off the caches (ICE/DCE), branch history, DPM, and on a 750 clears NHR/ABE: a machine configuration no spl routine may touch.
   --routine rt_raise_hid0=raise */
	.include "port.inc"
	.text
	.globl	rt_raise_hid0
rt_raise_hid0:
	li	r0, 0
	mtspr	1008, r0		/* WRONG: HID0 := 0 */
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	or	r5, r4, r3
	stw	r5, cpl@l(r9)

	mr	r3, r4
	blr
