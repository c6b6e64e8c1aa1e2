# The acceptance check of the alpha port: swpipl(6) from IPL 2 must leave
# PS<IPL> = 6 and return the old IPL, 2, in v0.
	.text
	.globl	swpipl6
swpipl6:
	lda	$16,6($31)		# a0 = 6
	call_pal 0x35			# swpipl: v0 = old IPL, IPL = 6
	ret
