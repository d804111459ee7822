# Bug: learns the categories from train_values and values together, so unseen labels get their own column.
def one_hot(train_values, values):
    categories = sorted(set(train_values) | set(values))
    column = {category: index for index, category in enumerate(categories)}
    rows = []
    for value in values:
        row = [0] * len(categories)
        row[column[value]] = 1
        rows.append(row)
    return rows
