from shop.search import indexer, tokenize


def test_tokens_drop_stop_words_and_accents():
    assert tokenize.tokens("The Crème of the crop") == ["creme", "crop"]


def test_terms_are_stemmed():
    assert tokenize.terms("running boots") == ["runn", "boot"]


def test_reindex_product_writes_a_document(db, product):
    doc = indexer.reindex_product(product)
    assert doc is not None
    assert "trail" in doc.term_list()
    row = db.query_one("SELECT title FROM search_document WHERE product_id = ?", (product,))
    assert row["title"] == "Trail Runner"


def test_inactive_product_is_removed_from_index(db, product):
    indexer.reindex_product(product)
    db.execute("UPDATE catalog_product SET is_active = 0 WHERE id = ?", (product,))
    assert indexer.reindex_product(product) is None
    assert db.scalar("SELECT COUNT(*) FROM search_document") == 0
