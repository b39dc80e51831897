package seal

// KeyAsForTest is k's private key under another purpose and engagement: what no caller can
// make, for showing that the label sealed inside, not a check before decrypting, refuses it.
func KeyAsForTest(k *Key, p Purpose, scope string) *Key {
	return &Key{purpose: p, scope: scope, id: k.id}
}
