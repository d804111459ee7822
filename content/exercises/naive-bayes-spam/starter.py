def naive_bayes_predict(train_docs, train_labels, test_docs, alpha=1.0):
    """Multinomial naive Bayes with Laplace smoothing `alpha`, computed in log space.

    Returns (predictions, log_posteriors): one predicted label per test document, and for each test
    document the list of log P(class | document) over the classes in sorted order.
    Tokens never seen in training are ignored.
    """
    raise NotImplementedError("count tokens per class, then score each test document with sums of logs")
