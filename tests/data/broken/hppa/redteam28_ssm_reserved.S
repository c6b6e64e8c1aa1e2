/* BROKEN (red team 28 B F6, held): splraise that sets PSW bit 0x20 (a
   system-mask bit PA-RISC 1.1 reserves) with mtsm and leaves it set; the
   kernel runs with it 0.  preserves fails (abi.state). */
	.include "port.inc"
	.text
	.globl	rt_raise_ssm20
rt_raise_ssm20:
	ssm	0, %r20			; read the system mask
	depi	1, 26, 1, %r20		; | 0x20 (bit 26; ssm takes 5 bits only in 1.1)
	mtsm	%r20
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	or	%ret0, %arg0, %r19
	bv	%r0(%rp)
	stw	%r19, R%cpl(%r1)
