! BROKEN (expected: preserves).  An splraise that forgets the user's window
! (OTHERWIN := 0) and keeps CANSAVE + CANRESTORE + OTHERWIN = NWINDOWS - 2
! by giving it to CANSAVE: the sum is right, but the window is neither in
! the register file nor stored in its save area (V9 §6.4): the next fill
! of it loads a stale save area.  Seen where a caller has such a window
! (abi.call_states 'OTHERWIN 1, CANRESTORE 1'): kept_state reads the windows
! above as a flush leaves them (Backend.flushed_view).
	.include "port.inc"
	.text
	.globl	splraise
splraise:
	rdpr	%otherwin, %o2
	rdpr	%cansave, %o3
	add	%o3, %o2, %o3
	wrpr	%g0, 0, %otherwin	! BUG: the user's window dropped, the sum kept
	wrpr	%o3, 0, %cansave
	rdpr	%pil, %o1
	and	%o0, 15, %o0
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	retl
	 mov	%o1, %o0
