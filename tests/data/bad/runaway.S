	.text
	.globl spin
spin:
	jmp	spin
